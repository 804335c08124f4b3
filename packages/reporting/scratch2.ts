import { readFileSync, writeFileSync } from "node:fs"
import { Document, ImageRun, Packer, Paragraph } from "docx"

const svg = readFileSync("/tmp/rep/dept/dx/word/media/image1.svg")
const png = readFileSync("/tmp/rep/dept/dx/word/media/image1.png")
const mk = (img: ImageRun) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [img] })] }] }))
writeFileSync(
  "/tmp/rep/png-only.docx",
  await mk(new ImageRun({ type: "png", data: png, transformation: { width: 624, height: 370 } })),
)
writeFileSync(
  "/tmp/rep/svg.docx",
  await mk(
    new ImageRun({
      type: "svg",
      data: svg,
      fallback: { type: "png", data: png },
      transformation: { width: 624, height: 370 },
    }),
  ),
)
