// An error caused by the user's input (contract, file, argument): shown as one line, never a stack.
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'invalid_input',
  ) {
    super(message);
    this.name = 'UserError';
  }
}
