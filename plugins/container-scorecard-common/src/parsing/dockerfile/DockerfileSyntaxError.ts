/**
 * A Dockerfile the builder itself would reject. The engine reports the file as "could not
 * analyse" with this message instead of scoring what a lenient parser made of it.
 */
export class DockerfileSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'DockerfileSyntaxError';
  }
}
