import { expect, test, type Page } from '@playwright/test';
import { MuellePage } from '../pages/muelle-page';
import { seriousViolations } from '../pages/axe';

/** The engine panel beside the terminal and its parts. */
function panel(page: Page) {
  const root = page.getByTestId('engine-panel');
  return {
    root,
    announcer: root.getByTestId('engine-announcer'),
    container: (name: string) => root.locator(`[data-testid="engine-container"][data-name="${name}"]`),
    image: (tag: string) => root.locator('[data-testid="engine-image"]').filter({ has: page.locator(`.engine-image-name:text-is("${tag}")`) }),
    trace: root.getByTestId('trace-strip'),
    requests: root.getByTestId('trace-request'),
    hop: (key: string) => root.locator(`.trace-hop[data-hop="${key}"]`),
    textMode: root.getByTestId('engine-mode-text'),
    diagramMode: root.getByTestId('engine-mode-diagram'),
    fold: root.getByTestId('engine-fold'),
  };
}

test.describe('engine panel', () => {
  let muelle: MuellePage;

  test.afterEach(async () => {
    expect(muelle.problems, 'no console errors, exceptions or failed requests').toEqual([]);
  });

  test('docker run shows a running card with its port, announces it and traces the API requests', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await expect(p.root).toBeVisible();
    await expect(p.root.getByText('Todavía no hay contenedores.')).toBeVisible();

    await muelle.type('docker run -d --name web -p 8080:80 nginx');
    const web = p.container('web');
    await expect(web).toBeVisible();
    await expect(web).toHaveAttribute('data-state', 'running');
    await expect(web.getByTestId('engine-container-state')).toHaveText('en ejecución');
    await expect(web.locator('.diagram-node.current')).toHaveAttribute('data-node', 'running');
    await expect(web.getByTestId('engine-port')).toHaveText('equipo:8080 → contenedor:80/tcp');
    await expect(web.getByTestId('engine-port')).not.toHaveClass(/inactive/);
    await expect(p.announcer).toHaveAttribute('aria-live', 'polite');
    await expect(p.announcer).toContainText('Contenedor web creado: en ejecución.');
    await expect(p.announcer).toContainText('Imagen nginx:latest añadida');

    // The trace: the create that finds no image (404), the pull, the create, the start.
    await expect(p.trace.locator('.trace-command')).toHaveText('docker run -d --name web -p 8080:80 nginx');
    await expect(p.requests).toHaveCount(4);
    await expect(p.requests.nth(0)).toHaveText(/^POST \/v1\.51\/containers\/create\?name=web\s*404$/);
    await expect(p.requests.nth(1)).toContainText('POST /v1.51/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest');
    await expect(p.requests.nth(2)).toContainText('POST /v1.51/containers/create?name=web');
    await expect(p.requests.nth(3)).toContainText(/POST \/v1\.51\/containers\/[0-9a-f]{64}\/start/);
    await expect(p.hop('api')).toHaveText('API v1.51: 4 peticiones');
    for (const hop of ['cli', 'api', 'dockerd', 'registry', 'containerd', 'runc']) {
      await expect(p.hop(hop)).toHaveAttribute('data-reached', 'true');
    }

    // Pause: the state moves on the diagram and the live region says so in Spanish.
    await muelle.type('docker pause web');
    await expect(web).toHaveAttribute('data-state', 'paused');
    await expect(web.getByTestId('engine-container-state')).toHaveText('en pausa');
    await expect(web.locator('.diagram-node.current')).toHaveAttribute('data-node', 'paused');
    await expect(p.announcer).toHaveText('Contenedor web: en ejecución → en pausa.');
    await expect(p.requests).toHaveText(['POST /v1.51/containers/web/pause204']);
    await expect(p.hop('runc')).toHaveAttribute('data-reached', 'true');

    // A listing never reaches containerd or runc.
    await muelle.type('docker images');
    await expect(p.requests).toHaveText(['GET /v1.51/images/json']);
    await expect(p.hop('dockerd')).toHaveAttribute('data-reached', 'true');
    await expect(p.hop('containerd')).toHaveAttribute('data-reached', 'false');
    await expect(p.hop('runc')).toHaveAttribute('data-reached', 'false');

    // Stopping keeps the mapping, no longer bound.
    await muelle.type('docker unpause web');
    await muelle.type('docker stop web');
    await expect(web).toHaveAttribute('data-state', 'exited');
    await expect(web.getByTestId('engine-port')).toHaveClass(/inactive/);
    await expect(p.announcer).toHaveText('Contenedor web: en ejecución → detenido.');
  });

  test('each hop opens to its Spanish explanation', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await muelle.type('docker run -d --name web nginx');
    await expect(p.hop('containerd')).toHaveAttribute('data-reached', 'true');
    await p.hop('containerd').locator('summary').click();
    const body = p.hop('containerd').locator('.trace-hop-body');
    await expect(body).toBeVisible();
    await expect(body).toContainText('El supervisor de los procesos de los contenedores.');
    await expect(body).toContainText('Lanza un shim para el contenedor');

    await muelle.type('docker --version');
    await expect(p.trace.getByText('Ninguna petición: el cliente lo ha resuelto solo.')).toBeVisible();
    await expect(p.hop('api')).toHaveAttribute('data-reached', 'false');
    await expect(p.hop('dockerd')).toHaveAttribute('data-reached', 'false');
  });

  test('images are stacks of layers; a committed image shares its base layers and adds one', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await muelle.type('docker run -d --name web nginx');
    const nginx = p.image('nginx:latest');
    await expect(nginx).toBeVisible();
    const baseLayers = await nginx.getByTestId('engine-layer').count();
    expect(baseLayers).toBeGreaterThan(1);
    await expect(nginx.locator('.engine-layer.shared')).toHaveCount(0);

    await muelle.type('docker exec web touch /hola');
    await muelle.type('docker commit web web:2');
    const committed = p.image('web:2');
    await expect(committed).toBeVisible();
    await expect(committed.getByTestId('engine-layer')).toHaveCount(baseLayers + 1);
    await expect(committed.locator('.engine-layer.shared')).toHaveCount(baseLayers);
    await expect(nginx.locator('.engine-layer.shared')).toHaveCount(baseLayers);
    // The new layer is on top and nobody else has it.
    await expect(committed.getByTestId('engine-layer').first()).not.toHaveClass(/shared/);
    await expect(nginx.getByText('compartida con otra imagen').first()).toBeVisible();
    await expect(p.announcer).toContainText('Imagen web:2 añadida');
  });

  test('a build grows a new stack: new layers on top of the base, cached ones shared on a rebuild', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await muelle.type("printf 'FROM busybox\\nRUN echo hola > /saludo\\n' > Dockerfile");
    await muelle.type('docker build -t app:1 .');
    const app1 = p.image('app:1');
    await expect(app1).toBeVisible();
    await muelle.type('docker pull busybox');
    const base = await p.image('busybox:latest').getByTestId('engine-layer').count();
    await expect(app1.getByTestId('engine-layer')).toHaveCount(base + 1);
    // The top of the stack is the layer the RUN step made.
    await expect(app1.getByTestId('engine-layer').first()).toContainText('RUN echo hola > /saludo');
    await expect(app1.getByTestId('engine-layer').first()).not.toHaveClass(/shared/);

    await muelle.type("printf 'FROM busybox\\nRUN echo hola > /saludo\\nCOPY Dockerfile /\\n' > Dockerfile");
    await muelle.type('docker build -t app:2 .');
    const steps = p.trace.getByTestId('trace-build-step');
    await expect(steps.filter({ hasText: 'RUN echo hola > /saludo' })).toHaveAttribute('data-outcome', 'cached');
    await expect(steps.filter({ hasText: 'COPY Dockerfile /' })).toHaveAttribute('data-outcome', 'new-layer');
    await expect(p.requests).toHaveText(['POST /v1.51/session', 'POST /v1.51/grpc']);
    const app2 = p.image('app:2');
    await expect(app2.getByTestId('engine-layer')).toHaveCount(base + 2);
    await expect(app2.getByTestId('engine-layer').first()).toContainText('COPY Dockerfile /');
    // The RUN layer is one layer on disk, in both images.
    await expect(app2.getByTestId('engine-layer').nth(1)).toHaveClass(/shared/);
    await expect(app1.getByTestId('engine-layer').first()).toHaveClass(/shared/);
    await expect(p.announcer).toContainText('Imagen app:2 añadida');
  });

  test('volumes and networks are links between cards', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await muelle.type('docker network create red');
    await muelle.type('docker run -d --name db --network red -v datos:/data busybox sleep 1000');
    const db = p.container('db');
    await expect(db.getByRole('button', { name: 'volumen datos' })).toBeVisible();
    await db.getByRole('button', { name: 'red red' }).click();
    const red = p.root.locator('[data-testid="engine-network"][data-name="red"]');
    await expect(red).toHaveClass(/highlighted/);
    await red.getByRole('button', { name: 'db' }).click();
    await expect(db).toHaveClass(/highlighted/);
    await expect(p.root.locator('[data-testid="engine-volume"][data-name="datos"]')).toContainText('usado por: db');
  });

  test('the text view says the same in words', async ({ page }) => {
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await muelle.type('docker run -d --name web -p 8080:80 nginx');
    await p.textMode.click();
    await expect(p.textMode).toHaveAttribute('aria-pressed', 'true');
    const text = p.root.getByTestId('engine-text');
    await expect(text).toContainText('web: en ejecución. Imagen nginx. Puerto 8080 del equipo → 80/tcp del contenedor. Red bridge.');
    await expect(text).toContainText('nginx:latest: ');
    await p.diagramMode.click();
    await expect(p.container('web')).toBeVisible();
  });

  test('on a phone the panel starts folded under the terminal and opens on demand', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    muelle = new MuellePage(page);
    await muelle.goto();
    const p = panel(page);
    await expect(p.fold).toHaveAttribute('aria-expanded', 'false');
    await expect(p.trace).toBeHidden();
    const terminalBox = await muelle.terminal.boundingBox();
    const panelBox = await p.root.boundingBox();
    expect(terminalBox && panelBox && panelBox.y >= terminalBox.y + terminalBox.height).toBeTruthy();
    await muelle.type('docker run -d --name web -p 8080:80 nginx');
    await p.fold.click();
    await expect(p.fold).toHaveAttribute('aria-expanded', 'true');
    await expect(p.container('web')).toBeVisible();
    expect(await muelle.scrollsSideways()).toBe(false);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious axe violations with the panel full (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      muelle = new MuellePage(page);
      await muelle.goto();
      const p = panel(page);
      await muelle.type('docker run -d --name web -p 8080:80 -v datos:/data nginx');
      await muelle.type('docker pause web');
      await muelle.type('docker stop nada');
      await expect(p.container('web')).toHaveAttribute('data-state', 'paused');
      await p.hop('dockerd').locator('summary').click();
      expect(await seriousViolations(page, '[data-testid="engine-panel"]')).toEqual([]);
      await p.textMode.click();
      expect(await seriousViolations(page, '[data-testid="engine-panel"]')).toEqual([]);
    });
  }
});
