import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { belowFloor, belowFloorModules } from './scripts/below-floor.mjs';
import { floorModules, floorVersions } from './scripts/peer-floor.mjs';
import main from './vitest.config.js';

/**
 * The node and jsdom projects again, with React, react-query and ky at the lowest versions the
 * peer ranges accept (installed by `npm run test:floor` beside the locked ones). Every import of
 * those packages, from the sources, the tests and the test libraries that import React, resolves
 * to the floor copies; `test/floor` checks at run time that it did.
 *
 * Then, for each peer release just below the floor (see scripts/below-floor.mjs), `test/below-floor`
 * with that release in place of the locked one: the kit must say what is wrong and how to fix it.
 */
const versions = floorVersions();
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alias = Object.keys(versions).filter((name) => !name.startsWith('@types/')).map((name) => ({
  find: new RegExp(`^${escape(name)}(?=/|$)`),
  replacement: `${floorModules}/${name}`,
}));

const projects = (main.test?.projects ?? []) as TestProjectInlineConfiguration[];
const reused = projects.filter((project) => ['node', 'dom'].includes(project.test?.name as string));
if (reused.length !== 2) throw new Error('vitest.config.ts no longer has the node and dom projects the floor run reuses');

export default defineConfig({
  test: {
    experimental: main.test?.experimental,
    projects: [
      ...reused.map((project) => ({
        ...project,
        resolve: { ...project.resolve, alias: [...((project.resolve?.alias as typeof alias | undefined) ?? []), ...alias] },
        test: {
          ...project.test,
          name: `${project.test?.name}-floor`,
          include: [...(project.test?.include ?? []), ...(project.test?.name === 'dom' ? ['test/floor/**/*.test.{ts,tsx}'] : [])],
          // The built Storybook is built by Storybook's own process, which never sees these aliases:
          // the main run's check of it is the whole check.
          exclude: [...(project.test?.exclude ?? configDefaults.exclude), 'test/node/built-storybook.test.ts'],
          // The type tests compile against the locked types; the floor's types are checked by tsc.
          typecheck: { enabled: false },
          provide: { floorVersions: versions },
        },
      })),
      ...belowFloor.map(({ alias: installedAs, peer }) => {
        const base = reused.find((project) => project.test?.name === (peer === 'ky' ? 'node' : 'dom'))!;
        return {
          ...base,
          resolve: {
            ...base.resolve,
            alias: [
              ...((base.resolve?.alias as typeof alias | undefined) ?? []),
              { find: new RegExp(`^${escape(peer)}(?=/|$)`), replacement: `${belowFloorModules}/${installedAs}` },
            ],
          },
          test: {
            ...base.test,
            name: installedAs,
            include: [peer === 'ky' ? 'test/below-floor/ky.test.ts' : 'test/below-floor/react-query.test.tsx'],
            typecheck: { enabled: false },
            provide: { belowFloor: installedAs },
          },
        };
      }),
    ],
  },
});
