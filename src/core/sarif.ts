/**
 * The checklist as SARIF 2.1.0, for code-scanning tools (GitHub's
 * `upload-sarif`): one rule per need on the checklist, one result per need and
 * changed file where an added or changed line relates to it. The
 * fingerprint is the need and the file, not the line, so a result keeps its
 * identity (and a dismissal) when lines move between runs.
 */
import type { Checklist, ChecklistNeed } from './checklist';
import type { Priority } from './model';
import { escapeMarkdown, flat } from './markdown';
import { checklistEvidence, evidencePhrase } from './phrases';

export interface SarifOptions {
  /** The root's path from the top of the repository, `''` at the top: results name repository paths. */
  readonly prefix?: string;
  readonly toolVersion: string;
  /** `YYYY-MM-DD` the evidence is aged against; default today. */
  readonly today?: string;
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Priority, Level> = {
  critical: 'error',
  high: 'warning',
  medium: 'note',
  low: 'note',
};

/** The SARIF log as an object; `JSON.stringify` it to write it. */
export function checklistSarif(checklist: Checklist, options: SarifOptions): object {
  const prefix = options.prefix === undefined || options.prefix === '' ? '' : `${options.prefix}/`;
  const rules = checklist.needs.map((need) => rule(need, options.today));
  const results = checklist.needs.flatMap((need, ruleIndex) =>
    firstLinePerFile(need).map(({ file, line }) => ({
      ruleId: need.id,
      ruleIndex,
      level: LEVEL[need.priority],
      message: { text: resultMessage(need) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(prefix + file), uriBaseId: '%SRCROOT%' },
            region: { startLine: line },
          },
        },
      ],
      partialFingerprints: {
        'outsideInNeedFile/v1': `${need.needsFile}#${need.id}:${prefix}${file}`,
      },
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Outside-In',
            semanticVersion: options.toolVersion,
            rules,
          },
        },
        automationDetails: { id: 'outside-in/checklist/' },
        results,
      },
    ],
  };
}

function rule(need: ChecklistNeed, today: string | undefined): object {
  const questions = need.review.map((q) => flat(q));
  const evidence = `${evidencePhrase(checklistEvidence(need, today))}.`;
  const help =
    questions.length === 0
      ? `No review questions. ${evidence}`
      : `Review questions: ${questions.join(' ')} ${evidence}`;
  return {
    id: need.id,
    name: need.id,
    shortDescription: { text: flat(need.title) },
    fullDescription: { text: need.quote === undefined ? flat(need.title) : flat(need.quote) },
    help: {
      text: help,
      markdown: [
        ...questions.map((q) => `- [ ] ${escapeMarkdown(q)}`),
        '',
        escapeMarkdown(evidence),
      ].join('\n'),
    },
    defaultConfiguration: { level: LEVEL[need.priority] },
    properties: {
      tags: ['customer-need', need.priority],
      priority: need.priority,
      status: need.status,
      ...(need.persona === undefined ? {} : { persona: need.persona }),
      needsFile: need.needsFile,
    },
  };
}

function resultMessage(need: ChecklistNeed): string {
  const who = need.personaName ?? need.persona;
  const words =
    need.quote === undefined
      ? flat(need.title)
      : `“${flat(need.quote)}”${who === undefined ? '' : ` (${flat(who)})`}`;
  return `This change touches the customer need ${need.id} (${need.priority}): ${words}`;
}

/** Each file's first added or changed line that relates to the need, in checklist order. */
function firstLinePerFile(need: ChecklistNeed): { file: string; line: number }[] {
  const seen = new Map<string, number>();
  for (const b of need.because)
    if (b.line !== undefined && b.removed !== true && !seen.has(b.file)) seen.set(b.file, b.line);
  return [...seen].map(([file, line]) => ({ file, line }));
}

/** A relative URI reference: each segment percent-encoded, the slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
