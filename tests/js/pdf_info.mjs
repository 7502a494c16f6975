// The Info dictionary of a PDF as JSON, read by pdf.js: the export tests check that a PDF
// carries where it comes from. Usage: node pdf_info.mjs FILE
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages: pdf.numPages, info }) + "\n");
