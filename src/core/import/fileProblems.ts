// What went wrong opening a file or a folder, in words: "does not exist" only when it does not.

/** A file system error as a message that says what is wrong with the path. */
export function fileProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ELOOP':
      return 'is a loop of symbolic links (a link that leads back to itself)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot be read (${(err as Error)?.message ?? String(err)})`;
  }
}
