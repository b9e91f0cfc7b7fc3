// Build the front-end files that Django serves from msp/static/vendor/.
//
//   node scripts/build_assets.mjs      (run by `make setup`; needs `npm ci` first)
//
// 1. Compiles msp/assets/app.scss (GOV.UK Frontend + MOJ Frontend + our few
//    rules) to msp/static/vendor/app.css, compressed, without a source map.
// 2. Copies the pre-built GOV.UK Frontend, MOJ Frontend and htmx scripts.
// 3. Copies the few MOJ Frontend icons that app.css refers to, so every url()
//    in app.css points at a real file (Django's manifest storage refuses to
//    collect static files otherwise).
// 4. Touches msp/static/vendor/.built, the stamp file make uses.
//
// This is a council service, so GOV.UK fonts and GOV.UK images (the crown,
// the crest, the GDS Transport font) are never copied. The one reference to
// the GOV.UK crest that GOV.UK Frontend's footer styles contain is replaced by
// `none`.

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const nodeModules = join(root, "node_modules");
const source = join(root, "msp", "assets", "app.scss");
const outDir = join(root, "msp", "static", "vendor");
const imagesDir = join(outDir, "images");
const staticImagesUrl = "/static/vendor/images/";

const scripts = [
  "govuk-frontend/dist/govuk/govuk-frontend.min.js",
  "@ministryofjustice/frontend/moj/moj-frontend.min.js",
  "htmx.org/dist/htmx.min.js",
];
const mojImages = join(nodeModules, "@ministryofjustice", "frontend", "moj", "assets", "images");
// GOV.UK images we deliberately leave out; their url() becomes `none`.
const droppedGovukImages = new Set(["govuk-crest.svg"]);

function fail(message) {
  console.error(`build_assets: ${message}`);
  process.exit(1);
}

if (!existsSync(join(nodeModules, "sass"))) {
  fail("node_modules is missing. Run `npm ci` (or `make setup`) first.");
}

// Start from an empty output directory so nothing stale survives.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(imagesDir, { recursive: true });

// --- 1. Sass ---------------------------------------------------------------
// Warnings caused inside node_modules (GOV.UK Frontend deprecation notices
// triggered by MOJ Frontend) are counted, not printed: we cannot fix them.
// Warnings caused by our own app.scss are printed in full.
let hiddenWarnings = 0;
const where = (span, stack) =>
  span?.url?.protocol === "file:"
    ? relative(root, fileURLToPath(span.url))
    : (stack ?? "").split("\n")[0];
const logger = {
  warn(message, { deprecation, span, stack }) {
    const origin = where(span, stack);
    if (origin.includes("node_modules")) {
      hiddenWarnings += 1;
      return;
    }
    console.warn(`${deprecation ? "Deprecation" : "Warning"}: ${message}`);
    console.warn(`  ${span ? `${origin}:${span.start.line + 1}` : (stack ?? "")}`);
  },
  debug(message, { span }) {
    console.warn(`Debug: ${message} (${where(span, "")})`);
  },
};

let css;
try {
  const result = sass.compile(source, {
    // node_modules: for "govuk-frontend/..." and "@ministryofjustice/...".
    // root: MOJ Frontend loads GOV.UK Frontend as "node_modules/govuk-frontend/...".
    loadPaths: [nodeModules, root],
    style: "compressed",
    sourceMap: false,
    quietDeps: true,
    logger,
  });
  css = result.css;
} catch (error) {
  fail(`could not compile ${relative(root, source)}:\n${error.message}`);
}

// --- 3. Images referenced by the CSS ----------------------------------------
const urlPattern = /url\((["']?)([^"')]+)\1\)/g;
const copiedImages = new Set();
css = css.replace(urlPattern, (match, _quote, url) => {
  if (url.startsWith("data:") || url.startsWith("#")) return match;
  if (!url.startsWith(staticImagesUrl)) {
    fail(`app.css refers to ${url}, which this script does not know how to provide.`);
  }
  const name = url.slice(staticImagesUrl.length);
  if (droppedGovukImages.has(name)) return "none";
  const from = join(mojImages, name);
  if (!existsSync(from)) {
    fail(`app.css refers to ${url}, but ${relative(root, from)} does not exist.`);
  }
  if (!copiedImages.has(name)) {
    copyFileSync(from, join(imagesDir, name));
    copiedImages.add(name);
  }
  return match;
});
if (/GDS Transport|@font-face/.test(css)) {
  fail("app.css would load the GDS Transport font. Check the font settings in msp/assets/app.scss.");
}
writeFileSync(join(outDir, "app.css"), css);

// --- 2. Scripts -------------------------------------------------------------
for (const script of scripts) {
  const from = join(nodeModules, script);
  if (!existsSync(from)) fail(`${relative(root, from)} is missing. Run \`npm ci\` again.`);
  copyFileSync(from, join(outDir, script.split("/").pop()));
}

// --- 4. Stamp ---------------------------------------------------------------
writeFileSync(join(outDir, ".built"), `${new Date().toISOString()}\n`);

const files = readdirSync(outDir).filter((name) => !name.startsWith("."));
console.log(
  `build_assets: wrote ${relative(root, outDir)}/ (${files.join(", ")}; ` +
    `${copiedImages.size} MOJ icons)` +
    (hiddenWarnings ? `; ${hiddenWarnings} Sass warning(s) from node_modules hidden` : ""),
);
