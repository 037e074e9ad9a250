/**
 * Every name the extension shares with VS Code and package.json: commands,
 * views, context keys, storage keys, tools. One place, so a rename cannot miss
 * a use, and a unit test holds them to package.json's contributions. No
 * `vscode` import: that test runs in plain Node.
 */

/** The one prefix of the extension's ids. */
export const PREFIX = 'outside-in';

export const Command = {
  ReloadNeeds: 'outside-in.reloadNeeds',
  /** (needs file URI, need id); from hover links, quick picks and views. */
  OpenNeed: 'outside-in.openNeed',
  /** ({ needsFile: URI string, id }[]); what a CodeLens opens. */
  ShowNeedsQuickPick: 'outside-in.showNeedsQuickPick',
  CreateNeedsFile: 'outside-in.createNeedsFile',
  NewNeedFromSelection: 'outside-in.newNeedFromSelection',
  LinkToNeed: 'outside-in.linkToNeed',
  RecordEvidence: 'outside-in.recordEvidence',
  GroupByPersona: 'outside-in.sidebar.groupByPersona',
  GroupByPriority: 'outside-in.sidebar.groupByPriority',
  ShowActiveFileOnly: 'outside-in.sidebar.showActiveFileOnly',
  ShowAllNeeds: 'outside-in.sidebar.showAllNeeds',
  RefreshHealth: 'outside-in.health.refresh',
  /** The reviewer's checklist for the change under review (palette, Source Control title bar). */
  ReviewChecklist: 'outside-in.reviewChecklist',
  RefreshChecklist: 'outside-in.checklist.refresh',
  CopyChecklistMarkdown: 'outside-in.checklist.copyMarkdown',
  OpenChecklistMarkdown: 'outside-in.checklist.openMarkdown',
  ResetChecklist: 'outside-in.checklist.reset',
  /** (Because); opens the line a checklist reason points at. */
  OpenChecklistReason: 'outside-in.checklist.openBecause',
  /** (need id, fingerprint); the quick fix of a `suspect-link` diagnostic. */
  ConfirmSuspectLink: 'outside-in.checklist.confirmSuspectLink',
} as const;

/**
 * Commands registered but not contributed in package.json: only code calls
 * them (a quick fix), so they have no title and no palette entry.
 */
export const INTERNAL_COMMANDS: readonly string[] = [Command.ConfirmSuspectLink];

export const ViewContainer = {
  /** The activity bar's Outside-In: the needs tree and Needs Health. */
  Sidebar: 'outside-in',
  /** The panel's Review Checklist. */
  Checklist: 'outside-in-checklist',
} as const;

export const View = {
  Needs: 'outside-in.needs',
  Health: 'outside-in.health',
  Checklist: 'outside-in.checklist',
} as const;

/** The command VS Code derives for every view: reveals and focuses it. */
export function focusCommand(view: string): string {
  return `${view}.focus`;
}

/** Context keys set with `setContext` and read by package.json's `when` clauses. */
export const ContextKey = {
  /** The first load of the needs files has finished (the welcome view waits for it). */
  NeedsLoaded: 'outside-in.needsLoaded',
  HasNeedsFile: 'outside-in.hasNeedsFile',
  SidebarGroupBy: 'outside-in.sidebar.groupBy',
  SidebarActiveFileOnly: 'outside-in.sidebar.activeFileOnly',
  /** Spelled with the settings' prefix, as package.json's `when` clauses read it. */
  ChecklistHasReview: 'outsideIn.checklist.hasReview',
  /** The host runs no git (the browser): the checklist view's welcome text says so. */
  NoGit: 'outside-in.noGit',
} as const;

/** Keys in the workspace's Memento (workspaceState); a prefix is followed by a key of its own. */
export const StorageKey = {
  SidebarGroupBy: 'outside-in.sidebar.groupBy',
  ChecklistTicksPrefix: 'outside-in.checklist.ticks:',
  ChecklistChoicePrefix: 'outside-in.checklist.choice:',
  ChecklistLast: 'outside-in.checklist.last',
  SuspectConfirmedPrefix: 'outside-in.suspect.confirmed:',
} as const;

/** Language-model tools, as contributed in package.json (a tool name may not hold a dot). */
export const LanguageModelTool = {
  RelatedNeeds: 'outside-in_relatedNeeds',
  FindNeeds: 'outside-in_findNeeds',
  Checklist: 'outside-in_checklist',
} as const;

export const MCP_PROVIDER_ID = 'outside-in.needs';

export const DiagnosticCollection = {
  NeedsFiles: 'outside-in',
  Suspects: 'outside-in-suspects',
} as const;

export const STATUS_BAR_ITEM_ID = 'outside-in.needs';
