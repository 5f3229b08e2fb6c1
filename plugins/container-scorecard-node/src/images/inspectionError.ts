/**
 * Why an image could not be inspected; the message is shown to users as
 * "could not inspect: <message>", so it names the host and the limit or status involved.
 */
export class InspectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InspectionError';
  }
}
