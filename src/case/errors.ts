/** No case (or element) with the given id. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The case changed since the version the caller read (optimistic concurrency). */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  /** @param current the version now stored */
  constructor(readonly caseId: string, readonly current: number) {
    super(`case ${caseId} is at version ${current}: it changed since you read it; reload and retry`);
  }
}

/** A request or command whose content is not a valid case edit; `field` names what was wrong. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}
