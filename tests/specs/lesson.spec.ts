import { expect, test } from '@playwright/test';
import { LessonPage } from '../pages/lesson-page';

test.describe('lesson', () => {
  let lesson: LessonPage;

  test.beforeEach(async ({ page }) => {
    lesson = new LessonPage(page);
  });

  test.afterEach(async () => {
    expect(lesson.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('"Ejecutar" types an example into the terminal and runs it', async () => {
    await lesson.open('anatomia-de-una-imagen');
    const example = lesson.example('docker pull redis');
    await example.getByRole('button', { name: 'Ejecutar' }).click();
    await expect(lesson.entries).toHaveCount(2);
    await expect(lesson.commandOf(lesson.entries.nth(0))).toHaveText('docker pull nginx');
    await expect(lesson.commandOf(lesson.entries.nth(1))).toHaveText('docker pull redis');
    await expect(lesson.outputOf(lesson.entries.nth(1))).toContainText('Already exists');
    await expect(lesson.outputOf(lesson.entries.nth(1))).toContainText('Status: Downloaded newer image for redis:latest');
  });

  test('an engine error comes with a Spanish explanation next to the terminal', async () => {
    await lesson.open('anatomia-de-una-imagen');
    await lesson.example('docker pull ngnix').getByRole('button', { name: 'Ejecutar' }).click();
    await expect(lesson.lastEntry()).not.toHaveAttribute('data-exit-code', '0');
    await expect(lesson.explanation).toBeVisible();
    await expect(lesson.explanation.getByText('Qué ha pasado')).toBeVisible();
    // The next command that works takes the explanation away.
    await lesson.run('docker --version');
    await expect(lesson.explanation).toHaveCount(0);
    await lesson.run('docker run -d --name web nginx');
    await lesson.run('docker run -d --name web nginx');
    await expect(lesson.explanation).toHaveAttribute('data-kind', 'name-conflict');
    await expect(lesson.explanation.getByRole('heading', { level: 2 })).toBeVisible();
  });

  test('an exercise is completed by typing its solution, and marked done', async () => {
    await lesson.open('ciclo-de-vida-de-un-contenedor');
    const exercise = lesson.exercise('servidor-web');
    await expect(exercise.title).toHaveText('Un servidor web en el puerto 8080');
    await expect(exercise.root).toHaveAttribute('data-solved', 'false');
    await exercise.start.click();
    await expect(lesson.exerciseBar).toContainText('Un servidor web en el puerto 8080');
    await expect(lesson.input).toBeFocused();
    await expect(exercise.goalParts).toHaveCount(2);
    await expect(exercise.goalParts.nth(0)).toHaveAttribute('data-met', 'false');

    // The start state is there: the httpd container holds the name.
    const ps = await lesson.run('docker ps --format "{{.Names}} {{.Image}}"');
    await expect(lesson.outputOf(ps)).toHaveText('webserver httpd\n');

    await lesson.type('docker rm -f webserver');
    await expect(exercise.goalParts.nth(1)).toHaveAttribute('data-met', 'true');
    await expect(exercise.root).toHaveAttribute('data-solved', 'false');
    await lesson.type('docker run -d --name webserver -p 8080:80 nginx');
    await expect(exercise.root).toHaveAttribute('data-solved', 'true');
    await expect(exercise.solved).toHaveText(/Resuelto/);
    await expect(lesson.exerciseMessage).toHaveText(
      '¡Conseguido! Has resuelto el ejercicio «Un servidor web en el puerto 8080». Tu progreso está guardado.',
    );
    await expect(lesson.exerciseMessage).toHaveAttribute('role', 'status');
    await expect(exercise.goalParts.locator('[data-met="false"]')).toHaveCount(0);
  });

  test('forbidden commands are refused, undo and reset go back', async () => {
    await lesson.open('ciclo-de-vida-de-un-contenedor');
    const exercise = lesson.exercise('cada-uno-en-su-estado');
    await exercise.start.click();
    const refused = await lesson.run('docker kill api');
    await expect(refused).toHaveAttribute('data-exit-code', '1');
    await expect(lesson.output).toContainText('En este ejercicio no puedes usar `docker kill`.');

    await lesson.run('docker pause api');
    await expect(exercise.goalParts.nth(0)).toHaveAttribute('data-met', 'true');
    await exercise.undo.click();
    await expect(exercise.goalParts.nth(0)).toHaveAttribute('data-met', 'false');
    await expect(lesson.output).toContainText('Deshecho «docker pause api»');

    await lesson.run('docker rm tarea');
    await expect(exercise.goalParts.nth(2)).toHaveAttribute('data-met', 'true');
    await exercise.reset.click();
    await expect(exercise.goalParts.nth(2)).toHaveAttribute('data-met', 'false');
    const all = await lesson.run('docker ps -a --format "{{.Names}}"');
    await expect(lesson.outputOf(all)).toContainText('tarea');

    await lesson.exerciseBar.getByRole('button', { name: 'Salir del ejercicio' }).click();
    await expect(lesson.exerciseBar).toHaveCount(0);
    await expect(exercise.goal).toHaveCount(0);
    await expect(lesson.input).toBeFocused();
  });

  test('hints come one at a time; the solution only after confirming', async () => {
    await lesson.open('anatomia-de-una-imagen');
    const exercise = lesson.exercise('limpieza');
    await expect(exercise.hint).toHaveText('Ver una pista (1 de 3)');
    await exercise.hint.click();
    await expect(exercise.hints).toHaveCount(1);
    await expect(exercise.hints.nth(0)).toContainText('docker rmi hello-world');
    await exercise.hint.click();
    await exercise.hint.click();
    await expect(exercise.hints).toHaveCount(3);
    await expect(exercise.hint).toHaveText('No hay más pistas');
    await expect(exercise.hint).toBeDisabled();

    await exercise.askSolution.click();
    await expect(exercise.solution).toHaveCount(0);
    await expect(exercise.confirmSolution).toBeFocused();
    await exercise.root.getByRole('button', { name: 'Cancelar' }).click();
    await expect(exercise.askSolution).toBeFocused();
    await exercise.askSolution.click();
    await exercise.confirmSolution.click();
    await expect(exercise.solution).toContainText('docker rm saludo\ndocker rmi hello-world');
  });

  test('an unfinished line continues after the > prompt', async () => {
    await lesson.open('bienvenida');
    await lesson.input.fill('echo "hola');
    await lesson.input.press('Enter');
    await expect(lesson.prompt).toHaveText('> ');
    await lesson.input.fill('mundo"');
    await lesson.input.press('Enter');
    await expect(lesson.prompt).toHaveText('estudiante@muelle:~$ ');
    await expect(lesson.outputOf(lesson.lastEntry())).toHaveText('hola\nmundo\n');
    await expect(lesson.lastEntry().locator('.term-continuation')).toHaveText('> mundo"');
  });

  test('Tab completes commands, flags and names', async () => {
    await lesson.open('bienvenida');
    await lesson.run('docker run -d --name servidor nginx');
    await lesson.input.fill('docker sto');
    await lesson.input.press('Tab');
    await expect(lesson.input).toHaveValue('docker stop ');
    await lesson.input.pressSequentially('ser');
    await lesson.input.press('Tab');
    await expect(lesson.input).toHaveValue('docker stop servidor ');
    await lesson.input.fill('docker ps --');
    await lesson.input.press('Tab');
    await expect(lesson.candidates).toContainText('--all');
    await expect(lesson.input).toBeFocused();
    // With nothing typed, Tab leaves the terminal as usual.
    await lesson.input.fill('');
    await lesson.input.press('Tab');
    await expect(lesson.input).not.toBeFocused();
  });
});
