/** Where a cgroup path says a process runs: its container id and the runtime that made it. */
export interface ContainerRef {
  /** Runtime: docker, containerd, podman, crio, systemd (a .scope/.service unit) or '' (host). */
  runtime: string;
  /** 64-hex container id, or the systemd unit name; '' when not in a container. */
  id: string;
}

/**
 * Cgroup path patterns, most specific first. Docker: `/docker/<id>` or
 * `docker-<id>.scope`; containerd (k8s): `cri-containerd-<id>.scope`;
 * podman: `libpod-<id>.scope`; CRI-O: `crio-<id>.scope`; systemd: any unit.
 */
const CONTAINER_PATTERNS: ReadonlyArray<{ runtime: string; pattern: RegExp }> = [
  { runtime: 'docker', pattern: /(?:\/docker\/|docker-)([0-9a-f]{64})(?:\.scope)?/ },
  { runtime: 'containerd', pattern: /cri-containerd-([0-9a-f]{64})\.scope/ },
  { runtime: 'podman', pattern: /libpod-(?:conmon-)?([0-9a-f]{64})(?:\.scope)?/ },
  { runtime: 'crio', pattern: /crio-(?:conmon-)?([0-9a-f]{64})\.scope/ },
  { runtime: 'containerd', pattern: /\/kubepods[^\n]*\/([0-9a-f]{64})(?:\n|$)/ },
  { runtime: 'systemd', pattern: /\/([A-Za-z0-9@._\\-]+\.(?:scope|service))(?:\n|$)/ },
];

/**
 * Extracts the container (or systemd unit) a process belongs to from its
 * /proc/PID/cgroup text (v1 or v2 lines `N:controllers:/path`).
 * @example containerOf('0::/system.slice/docker-' + 'a'.repeat(64) + '.scope\n').runtime // 'docker'
 */
export function containerOf(cgroupText: string): ContainerRef {
  for (const { runtime, pattern } of CONTAINER_PATTERNS) {
    const match = pattern.exec(cgroupText);
    if (match) return { runtime, id: match[1] };
  }
  return { runtime: '', id: '' };
}
