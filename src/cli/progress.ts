// A progress bar on stderr, drawn only when stderr is a terminal (never in logs or pipes).

export interface ProgressBar {
  update(fraction: number): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let lastDrawn = 0;
  const draw = (fraction: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 25));
    const filled = Math.round(fraction * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(
      `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${seconds}s`,
    );
  };
  return {
    update(fraction) {
      if (Date.now() - lastDrawn < 100) return;
      lastDrawn = Date.now();
      draw(fraction);
    },
    done() {
      draw(1);
      stream.write('\n');
    },
  };
}
