// The pages of a PDF as JSON, [{"width": points, "height": points, "text": "..."}], read by
// pdf.js: the export tests check that a PDF carries its footer. Usage: node pdf_text.mjs FILE
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const text = content.items.map((item) => item.str + (item.hasEOL ? "\n" : "")).join("");
  const [x0, y0, x1, y1] = page.view;
  pages.push({ width: x1 - x0, height: y1 - y0, text });
}
process.stdout.write(JSON.stringify(pages) + "\n");
