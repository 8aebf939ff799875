/**
 * Zeek's inference of SSH authentication outcome from the sizes of the first
 * encrypted segments (zeek/src/analyzer/protocol/ssh/SSH.cc, ProcessEncrypted).
 *
 * After NEWKEYS, the first server segment is taken as SERVICE_ACCEPT; a later
 * one 16 bytes shorter is USERAUTH_SUCCESS; the first other size is a
 * USERAUTH_FAILURE, and each repeat of that size is one failed attempt.
 * Limits, as in Zeek: it is a guess from sizes, it only works for SSH 2,
 * cipher/MAC choices, key-based or keyboard-interactive authentication and
 * multi-segment writes can fool it, and a decision is final.
 */
export class AuthInference {
  attempts = 0;
  /** True/false once decided; null while undecided. */
  success: boolean | null = null;
  private decided = false;
  private sawClientData = false;
  private serviceAcceptSize = 0;
  private failureSize = 0;
  private skippedBanner = false;

  /** One encrypted segment of `length` bytes. */
  segment(isOrig: boolean, length: number): void {
    if (this.decided) return;
    if (isOrig) {
      this.sawClientData = true;
      return;
    }
    if (!this.sawClientData) return;
    if (this.serviceAcceptSize === 0) {
      this.serviceAcceptSize = length;
      return;
    }
    if (this.failureSize === 0 && length + 16 === this.serviceAcceptSize) {
      this.decide();
      return;
    }
    if (this.failureSize === 0) {
      if (!this.skippedBanner && length - this.serviceAcceptSize > 256) {
        this.skippedBanner = true;
        return;
      }
      this.failureSize = length;
      return;
    }
    if (length === this.failureSize) {
      this.attempts++;
      this.success = false;
      return;
    }
    if (length - this.serviceAcceptSize === -16) this.decide();
  }

  private decide(): void {
    this.decided = true;
    this.attempts++;
    this.success = true;
  }
}
