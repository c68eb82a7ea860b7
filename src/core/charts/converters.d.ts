// The little of pdfkit and svg-to-pdfkit that render.ts uses (neither ships its own types).
declare module 'pdfkit' {
  interface PDFDocumentOptions {
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    info?: Record<string, string | Date>;
    compress?: boolean;
  }
  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'error', listener: (arg?: unknown) => void): this;
    end(): void;
  }
  export = PDFDocument;
}

declare module 'svg-to-pdfkit' {
  function SVGtoPDF(
    doc: unknown,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean; preserveAspectRatio?: string },
  ): void;
  export = SVGtoPDF;
}
