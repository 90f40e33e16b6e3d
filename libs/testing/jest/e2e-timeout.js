// End-to-end tests start the four services as processes and wait on conditions across them.
jest.setTimeout(180_000);
