import { expect, type Locator, type Page } from '@playwright/test';
import { MuellePage } from './muelle-page';

/** An exercise card in a lesson. */
export class ExerciseCard {
  readonly root: Locator;
  readonly title: Locator;
  readonly start: Locator;
  readonly solved: Locator;
  readonly goal: Locator;
  readonly goalParts: Locator;
  readonly undo: Locator;
  readonly reset: Locator;
  readonly hint: Locator;
  readonly hints: Locator;
  readonly askSolution: Locator;
  readonly confirmSolution: Locator;
  readonly solution: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.title = root.getByRole('heading', { level: 3 });
    this.start = root.getByRole('button', { name: /^(Empezar|Repetir) el ejercicio$/ });
    this.solved = root.getByTestId('exercise-solved');
    this.goal = root.getByTestId('goal-list');
    this.goalParts = this.goal.locator('li');
    this.undo = root.getByRole('button', { name: 'Deshacer el último comando' });
    this.reset = root.getByRole('button', { name: 'Reiniciar el ejercicio' });
    this.hint = root.getByTestId('exercise-hint');
    this.hints = root.getByTestId('hints').locator('li');
    this.askSolution = root.getByRole('button', { name: 'Ver la solución' });
    this.confirmSolution = root.getByRole('button', { name: 'Sí, ver la solución' });
    this.solution = root.getByTestId('exercise-solution');
  }
}

/** A question of a lesson's quiz. */
export class QuestionCard {
  readonly root: Locator;
  readonly check: Locator;
  readonly feedback: Locator;
  readonly orderItems: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.check = root.getByRole('button', { name: 'Comprobar' });
    this.feedback = root.getByTestId('question-feedback');
    this.orderItems = root.getByTestId('order-item');
  }

  option(text: string | RegExp): Locator {
    return this.root.getByLabel(text);
  }

  /** The ids of the ordering items, top to bottom. */
  async order(): Promise<string[]> {
    return this.orderItems.evaluateAll((items) => items.map((i) => i.getAttribute('data-item') ?? ''));
  }
}

/** A lesson page: the lesson (examples, exercises, quiz) beside the terminal. */
export class LessonPage extends MuellePage {
  readonly runButtons: Locator;
  readonly nextLesson: Locator;
  readonly quiz: Locator;

  constructor(page: Page) {
    super(page);
    this.runButtons = this.lesson.getByRole('button', { name: 'Ejecutar' });
    this.nextLesson = page.getByTestId('next-lesson');
    this.quiz = page.getByTestId('quiz');
  }

  async open(id: string): Promise<void> {
    await this.goto(`/#/leccion/${id}`);
    await expect(this.page.getByTestId('lesson-page')).toHaveAttribute('data-lesson', id);
  }

  exercise(id: string): ExerciseCard {
    return new ExerciseCard(this.page.locator(`[data-testid="exercise"][data-exercise="${id}"]`));
  }

  question(id: string): QuestionCard {
    return new QuestionCard(this.page.locator(`[data-testid="question"][data-question="${id}"]`));
  }

  /** The runnable block whose text contains `code`. */
  example(code: string): Locator {
    return this.lesson.locator('.runnable-block').filter({ has: this.page.locator('pre', { hasText: code }) });
  }
}
