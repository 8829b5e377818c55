import { type Sandbox, type SandboxOptions, startSandbox } from "../sandbox";

/**
 * A local Sage sandbox for the whole test file: started in beforeAll, the component pointed at it
 * through SAGE_API_BASE_URL (set here, not at load time: test/setup.ts deletes it when each file
 * loads), then stopped and the variable restored in afterAll. Call it before registering hooks that
 * use the sandbox: jest runs beforeAll hooks in the order they were registered.
 *
 * Returns the running sandbox's accessor (it throws outside the file's tests, naming `owner`), and
 * `running()`, undefined when there is none, for callbacks that may fire outside them.
 */
export const sandboxForFile = (options: SandboxOptions = {}, owner = "sandboxForFile()") => {
  let current: Sandbox | undefined;
  let previousUrl: string | undefined;

  beforeAll(async () => {
    current = await startSandbox(options);
    previousUrl = process.env.SAGE_API_BASE_URL;
    process.env.SAGE_API_BASE_URL = current.url;
  });

  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.SAGE_API_BASE_URL;
    else process.env.SAGE_API_BASE_URL = previousUrl;
    await current?.stop();
    current = undefined;
  });

  const sandbox = (): Sandbox => {
    if (!current) throw new Error(`${owner}: the sandbox runs only inside tests (from beforeAll to afterAll)`);
    return current;
  };
  return Object.assign(sandbox, { running: (): Sandbox | undefined => current });
};
