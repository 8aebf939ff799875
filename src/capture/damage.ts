import type { CaptureState } from './capture-state.js';
import { MAX_RESYNC_SCAN_BYTES } from './limits.js';

/**
 * One damaged stretch of input while a reader scans for the next plausible
 * record. The problem is reported once, when the stretch ends, so that its
 * message can say how many bytes were skipped and where reading resumed.
 */
export class Damage {
  /** True while scanning for a plausible record. */
  active = false;
  private code = '';
  private message = '';
  private start = 0;

  constructor(private readonly state: CaptureState) {}

  /** Starts a scan after finding `message` (what was wrong) at input offset `offset`. */
  begin(code: string, offset: number, message: string): void {
    this.active = true;
    this.code = code;
    this.message = message;
    this.start = offset;
  }

  /** Ends the scan: a plausible record starts at `offset`. */
  resume(offset: number): void {
    this.active = false;
    this.state.report(this.code, this.start, `${this.message}; skipped ${offset - this.start} bytes to the next plausible record at offset ${offset}`);
  }

  /** Ends the scan at the end of the input (`offset` = input length). */
  endOfInput(offset: number): void {
    this.active = false;
    this.state.report(this.code, this.start, `${this.message}; no plausible record in the ${offset - this.start} bytes up to the end of the input`);
  }

  /**
   * Checks the scan budget at `offset`: past MAX_RESYNC_SCAN_BYTES the problem
   * is reported and a new one starts here, so one problem never covers more.
   */
  checkBudget(offset: number): void {
    if (offset - this.start < MAX_RESYNC_SCAN_BYTES) return;
    this.state.report(this.code, this.start, `${this.message}; no plausible record in the next ${offset - this.start} bytes, still scanning`);
    this.start = offset;
  }
}
