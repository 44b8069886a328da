// Validates every Kubernetes object in the given folder's *.yaml files against the Kubernetes OpenAPI schemas that
// the kubernetes-models package bundles (JSON Schema through ajv; nothing is fetched at run time). A kustomization is
// checked for resources that exist. Prints one line per object; exits 1 when anything is invalid.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const folder = process.argv[2] ?? "deploy/k8s";
let valid = 0;
let invalid = 0;

for (const file of readdirSync(folder).filter(f => f.endsWith(".yaml") || f.endsWith(".yml")).sort()) {
  for (const document of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
    if (document.errors.length > 0) {
      fail(file, "(yaml)", document.errors.map(e => e.message).join("; "));
      continue;
    }

    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }

    const name = `${object.kind}/${object.metadata?.name ?? "?"}`;
    if (object.apiVersion?.startsWith("kustomize.config.k8s.io/")) {
      const missing = (object.resources ?? []).filter(r => !existsSync(join(folder, r)));
      missing.length === 0 ? pass(file, name) : fail(file, name, `missing resources: ${missing.join(", ")}`);
      continue;
    }

    let model;
    try {
      const module = await import(`kubernetes-models/${object.apiVersion}`);
      model = module[object.kind];
    } catch {
      model = undefined;
    }

    if (!model) {
      fail(file, name, `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }

    try {
      new model(object).validate();
      pass(file, name);
    } catch (error) {
      fail(file, name, error.message);
    }
  }
}

console.log(`k8s manifests: ${valid} valid, ${invalid} invalid`);
process.exit(invalid === 0 && valid > 0 ? 0 : 1);

function pass(file, name) {
  valid++;
  console.log(`  ok    ${file} ${name}`);
}

function fail(file, name, why) {
  invalid++;
  console.log(`  FAIL  ${file} ${name}: ${why}`);
}
