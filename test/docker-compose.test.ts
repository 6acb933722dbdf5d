import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';

/**
 * No Docker engine runs where these tests run, so the compose file is held
 * to its intended structure instead: the settings EventStoreDB 24.10 reads,
 * health-gated start-up, named volumes, and connection strings that name
 * nodes which exist.
 */

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string> | string[];
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  networks?: Record<string, { ipv4_address?: string }>;
  network_mode?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  networks?: Record<string, { ipam?: { config?: { subnet: string }[] } }>;
}

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as Compose;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

const service = (name: string): Service => {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

const env = (name: string): Record<string, string> => {
  const raw = service(name).environment ?? {};
  if (!Array.isArray(raw)) {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(raw.map((entry) => entry.split(/=(.*)/s).slice(0, 2)));
};

/** `host:container` port mappings as numbers. */
const ports = (name: string) =>
  (service(name).ports ?? []).map((mapping) => {
    const [host, container] = mapping.split(':').map(Number);
    return { host: host!, container: container! };
  });

const expectNamedVolumes = (name: string, mounts: string[]) => {
  const volumes = service(name).volumes ?? [];
  for (const mount of mounts) {
    const entry = volumes.find((volume) => volume.endsWith(`:${mount}`));
    expect(entry).toBeDefined();
    const source = entry!.split(':')[0]!;
    expect(source).not.toMatch(/^[./~]/);
    expect(Object.keys(compose.volumes)).toContain(source);
  }
};

const expectLiveHealthcheck = (name: string) => {
  const test = service(name).healthcheck?.test;
  expect([test].flat().join(' ')).toContain('http://localhost:2113/health/live');
};

const clusterNodes = ['esdb-node1', 'esdb-node2', 'esdb-node3'];

describe('docker-compose.yml: single node', () => {
  it('runs EventStoreDB 24.10 LTS as an insecure single node with projections', () => {
    expect(service('eventstore').image).toMatch(/^eventstore\/eventstore:24\.10(\.|$|-)/);
    expect(env('eventstore')).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
      EVENTSTORE_NODE_PORT: '2113',
      EVENTSTORE_ENABLE_ATOM_PUB_OVER_HTTP: 'true',
    });
    expect(ports('eventstore')).toContainEqual({ host: 2113, container: 2113 });
    expect(service('eventstore').profiles).toBeUndefined();
  });

  it('checks liveness on /health/live and keeps data and logs in named volumes', () => {
    expectLiveHealthcheck('eventstore');
    expectNamedVolumes('eventstore', ['/var/lib/eventstore', '/var/log/eventstore']);
  });

  it('starts Custody against it once it is healthy', () => {
    const custody = service('custody');
    expect(custody.build).toBeDefined();
    expect(custody.depends_on).toEqual({ eventstore: { condition: 'service_healthy' } });
    expect(ports('custody')).toContainEqual({ host: 3000, container: 3000 });
    expectNamedVolumes('custody', ['/app/data']);

    const config = loadConfig(env('custody'));
    expect(config.store).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://eventstore:2113?tls=false',
      projectionsPath: '/app/data/custody-projections.db',
    });
    expect(config.http.port).toBe(3000);
  });
});

describe('docker-compose.yml: cluster profile', () => {
  const ipOf = (name: string) => env(name).EVENTSTORE_REPLICATION_IP!;

  it('declares three insecure nodes of the same image in the cluster profile', () => {
    for (const name of clusterNodes) {
      expect(service(name).profiles).toEqual(['cluster']);
      expect(service(name).image).toBe(service('eventstore').image);
      expect(env(name)).toMatchObject({
        EVENTSTORE_CLUSTER_SIZE: '3',
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_DISCOVER_VIA_DNS: 'false',
        EVENTSTORE_RUN_PROJECTIONS: 'All',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
      });
      expectLiveHealthcheck(name);
      expectNamedVolumes(name, ['/var/lib/eventstore', '/var/log/eventstore']);
    }
  });

  it('gives each node a fixed address on the private network', () => {
    const subnet = compose.networks?.['esdb-cluster']?.ipam?.config?.[0]?.subnet;
    expect(subnet).toBe('172.30.240.0/24');
    const ips = clusterNodes.map(ipOf);
    expect(new Set(ips).size).toBe(3);
    for (const name of clusterNodes) {
      expect(ipOf(name)).toMatch(/^172\.30\.240\.\d+$/);
      expect(service(name).networks?.['esdb-cluster']?.ipv4_address).toBe(ipOf(name));
    }
  });

  it('seeds each node with the gossip addresses of the other two', () => {
    for (const name of clusterNodes) {
      const seeds = env(name).EVENTSTORE_GOSSIP_SEED!.split(',').sort();
      const others = clusterNodes.filter((other) => other !== name);
      expect(seeds).toEqual(others.map((other) => `${ipOf(other)}:2113`).sort());
    }
  });

  it('advertises to clients the host port of each node: 2111, 2112, 2113', () => {
    const published = clusterNodes.map((name) => {
      const [mapping] = ports(name);
      expect(mapping?.container).toBe(2113);
      expect(env(name).EVENTSTORE_ADVERTISE_NODE_PORT_TO_CLIENT_AS).toBe(
        String(mapping?.host),
      );
      return mapping?.host;
    });
    expect(published).toEqual([2111, 2112, 2113]);
  });

  it('uses the 24.10 setting names, not the ones removed before it', () => {
    const obsolete = [
      'EVENTSTORE_INT_IP',
      'EVENTSTORE_EXT_IP',
      'EVENTSTORE_HTTP_PORT',
      'EVENTSTORE_ADVERTISE_HTTP_PORT_TO_CLIENT_AS',
      'EVENTSTORE_ENABLE_EXTERNAL_TCP',
    ];
    for (const name of ['eventstore', ...clusterNodes]) {
      for (const setting of obsolete) expect(env(name)).not.toHaveProperty(setting);
    }
  });

  it('runs a Custody whose connection string names all three nodes', () => {
    const custody = service('custody-cluster');
    expect(custody.profiles).toEqual(['cluster']);
    expect(custody.build).toBeDefined();
    expect(custody.depends_on).toEqual(
      Object.fromEntries(
        clusterNodes.map((name) => [name, { condition: 'service_healthy' }]),
      ),
    );

    const config = loadConfig(env('custody-cluster'));
    if (config.store.kind !== 'eventstoredb') throw new Error('expected EventStoreDB');
    const hosts = config.store.connectionString
      .replace(/^esdb(\+discover)?:\/\//, '')
      .replace(/[/?].*$/, '')
      .split(',');

    // Each host is a node either by service name or by its published host port.
    const reached = hosts.map((host) => {
      const [address, port] = host.split(':');
      const byName = clusterNodes.find((name) => name === address && port === '2113');
      const byPort = clusterNodes.find(
        (name) =>
          ['127.0.0.1', 'localhost'].includes(address!) &&
          ports(name).some((mapping) => String(mapping.host) === port),
      );
      return byName ?? byPort;
    });
    expect(reached.sort()).toEqual([...clusterNodes].sort());
    if (hosts.some((host) => host.startsWith('127.0.0.1'))) {
      expect(custody.network_mode).toBe('host');
    }
    expect(config.http.port).not.toBe(3000);
  });
});

describe('Dockerfile', () => {
  it('builds Custody on Node 20 with npm ci and serves it', () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim/m);
    expect(dockerfile).toMatch(/apt-get install[^\n]*python3 make g\+\+/);
    expect(dockerfile).toMatch(/^RUN npm ci/m);
    expect(dockerfile).toMatch(/^CMD \["node", "bin\/custody\.cjs", "serve"\]$/m);
  });
});
