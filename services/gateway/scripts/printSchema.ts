import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printedSchema } from "../src/schema/index.ts";

/** Writes the sorted SDL to services/gateway/schema.graphql (committed; a test fails on drift). */
const path = resolve(import.meta.dirname, "../schema.graphql");
writeFileSync(path, printedSchema());
console.log(`wrote ${path}`);
