/** The idea a process-audit candidate becomes: name, description and volumetry from the log (the person edits the rest). */
export function ideaFromCandidate(
  candidate: {
    activity: string;
    events: number;
    cases: number;
    casesPerWeek: number;
    medianMinutes: number | null;
    reworkRate: number;
    handoverRate: number;
    resources: number;
  },
  logName: string,
) {
  const perWeek = candidate.casesPerWeek;
  const period = perWeek >= 35 ? 'day' : perWeek >= 1 ? 'week' : 'month';
  const count = Math.max(0, Math.round(period === 'day' ? perWeek / 7 : period === 'week' ? perWeek : perWeek * (52 / 12)));
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  return {
    name: `Automate “${candidate.activity}”`.slice(0, 160),
    description:
      `Found by the process audit of “${logName}”: “${candidate.activity}” happens ${candidate.events} times in ${candidate.cases} cases ` +
      `(about ${Math.round(perWeek)} cases a week), done by ${candidate.resources} ${candidate.resources === 1 ? 'person' : 'people'}; ` +
      `${pct(candidate.reworkRate)} of its cases redo it and ${pct(candidate.handoverRate)} of the time it changes hands.`,
    painPoints:
      candidate.medianMinutes === null
        ? ''
        : `A case waits about ${Math.round(candidate.medianMinutes)} minutes (median) before this step.`,
    frequencyPeriod: period as 'day' | 'week' | 'month',
    frequencyCount: count,
    // The log has completion times only: the median gap before the step (waiting + work) is the best estimate; edit it.
    minutesPerCase: Math.min(10_000, Math.max(1, Math.round(candidate.medianMinutes ?? 5))),
  };
}
