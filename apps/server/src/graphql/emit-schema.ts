/** Writes the committed SDL (schema.graphql); see sdl.ts. */
import fs from "node:fs";
import { printSdl, SDL_FILE } from "./sdl";

fs.writeFileSync(SDL_FILE, await printSdl());
console.log(`wrote ${SDL_FILE}`);
