import { arpSpoof } from './arp-spoof.js';
import { authGuessing } from './auth-guessing.js';
import { beacon } from './beacon.js';
import { bruteForce } from './brute-force.js';
import { c2Checkin } from './c2-checkin.js';
import { dnsTunnel } from './dns-tunnel.js';
import { exfiltration } from './exfiltration.js';
import { flood } from './flood.js';
import { loginFailures } from './login-failures.js';
import { longConnection } from './long-connection.js';
import { portScan } from './port-scan.js';
import type { SqlDetector } from './sql-detector.js';
import { trafficSpike } from './traffic-spike.js';
import { unusualConnection } from './unusual-connection.js';
import { webAttack } from './web-attack.js';

/** Every detector, in the order they run. A new detector registers here (one line). */
export const DETECTORS: readonly SqlDetector[] = [
  portScan, flood, bruteForce, authGuessing, loginFailures, beacon, c2Checkin, longConnection, dnsTunnel, exfiltration, unusualConnection, webAttack, arpSpoof, trafficSpike,
];
