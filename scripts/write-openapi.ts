// Writes openapi.json from the zod contracts; a test fails when the committed file drifts.
import fs from "node:fs";
import { openApiDocument } from "../src/server/openapi.ts";

fs.writeFileSync("openapi.json", `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log("openapi.json written");
