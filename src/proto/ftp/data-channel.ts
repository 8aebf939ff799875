/** An FTP data channel announced by PORT/EPRT or a PASV/EPSV reply. */
export interface DataChannel {
  /** True for PASV/EPSV (the client connects), false for PORT/EPRT (the server connects). */
  passive: boolean;
  /** Who will open the data connection. */
  origH: string;
  respH: string;
  respP: number;
}

/** The endpoints of the control connection, to fill what the command leaves implicit. */
export interface ControlEndpoints {
  origH: string;
  respH: string;
}

/** `h1,h2,h3,h4,p1,p2` (PORT argument, PASV reply) as address and port; null when malformed. */
function hostPort(text: string): { h: string; p: number } | null {
  const m = /(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})/.exec(text);
  if (m === null) return null;
  const n = m.slice(1).map(Number);
  if (n.some((v) => v > 255)) return null;
  return { h: n.slice(0, 4).join('.'), p: n[4] * 256 + n[5] };
}

/** The data channel of a PORT or EPRT command. */
export function activeChannel(command: string, arg: string, control: ControlEndpoints): DataChannel | null {
  if (command === 'PORT') {
    const hp = hostPort(arg);
    return hp && { passive: false, origH: control.respH, respH: hp.h, respP: hp.p };
  }
  const m = /^(.)([12])\1([0-9A-Fa-f:.]{2,45})\1(\d{1,5})\1$/.exec(arg.trim());
  const host = m === null ? null : canonicalAddress(m[3]);
  if (m === null || host === null || Number(m[4]) > 65535) return null;
  return { passive: false, origH: control.respH, respH: host, respP: Number(m[4]) };
}

/** An IPv4 or IPv6 address in canonical text (IPv6 compressed, lower case); null when invalid. */
function canonicalAddress(text: string): string | null {
  if (!text.includes(':')) return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) ? text : null;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** The data channel of a 227 (PASV) or 229 (EPSV) reply. */
export function passiveChannel(code: number, msg: string, control: ControlEndpoints): DataChannel | null {
  if (code === 227) {
    const hp = hostPort(msg);
    return hp && { passive: true, origH: control.origH, respH: hp.h, respP: hp.p };
  }
  const m = /\((.)\1\1(\d{1,5})\1\)/.exec(msg);
  if (m === null || Number(m[2]) > 65535) return null;
  return { passive: true, origH: control.origH, respH: control.respH, respP: Number(m[2]) };
}
