import { describe, expect, it } from 'vitest';
import { containerOf } from './cgroup.js';

const ID = '4f1c2b0e9d8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e';

describe('containerOf', () => {
  it.each([
    [`12:pids:/docker/${ID}\n`, 'docker', ID],
    [`0::/system.slice/docker-${ID}.scope\n`, 'docker', ID],
    [`0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/cri-containerd-${ID}.scope\n`, 'containerd', ID],
    [`0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-${ID}.scope/container\n`, 'podman', ID],
    [`0::/kubepods.slice/kubepods-pod2.slice/crio-${ID}.scope\n`, 'crio', ID],
    ['0::/system.slice/nginx.service\n', 'systemd', 'nginx.service'],
    ['0::/user.slice/user-1000.slice/session-3.scope\n', 'systemd', 'session-3.scope'],
  ])('recognises %s', (text, runtime, id) => {
    expect(containerOf(text)).toEqual({ runtime, id });
  });

  it('reports the host for the root cgroup', () => {
    expect(containerOf('0::/\n')).toEqual({ runtime: '', id: '' });
  });
});
