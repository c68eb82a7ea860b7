// Every subcommand, in the order `langlens --help` lists them. One file per command.
import type { Command } from '../command';
import { agreementCommand } from './agreement';
import { assignCommand } from './assign';
import { copyCommand } from './copy';
import { exportCommand } from './export';
import { exportLabelsCommand } from './exportLabels';
import { importCommand } from './import';
import { judgeCommand } from './judge';
import { langidCommand } from './langid';
import { plotCommand } from './plot';
import { scoresCommand } from './scores';
import { summaryCommand } from './summary';
import { teamCommand } from './team';

export const COMMANDS: readonly Command[] = [
  importCommand,
  summaryCommand,
  langidCommand,
  scoresCommand,
  agreementCommand,
  judgeCommand,
  assignCommand,
  exportCommand,
  plotCommand,
  exportLabelsCommand,
  copyCommand,
  teamCommand,
];
