// What went wrong opening a file or a folder, in words: "does not exist" only when it does not.
import { type Message, msg } from '../util/message';

/** A file system error as a message that says what is wrong with the path. */
export function fileProblem(err: unknown): Message {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return msg('does not exist');
    case 'ELOOP':
      return msg('is a loop of symbolic links (a link that leads back to itself)');
    case 'EACCES':
    case 'EPERM':
      return msg('cannot be read: permission denied');
    case 'ENOTDIR':
      return msg('a part of the path is not a folder');
    case 'ENAMETOOLONG':
      return msg('the path is too long');
    case 'EISDIR':
      return msg('is a folder, not a file');
    default:
      return msg('cannot be read ({0})', (err as Error)?.message ?? String(err));
  }
}
