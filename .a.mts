import { buildAtlas } from './scripts/data/build-atlas';
console.log(JSON.stringify((await buildAtlas()).summary));
