import type { CodeSandbox } from '../sandbox/code-sandbox.ts';
import { codeStep } from './code.ts';
import { delayStep, loopStep, respondStep, subWorkflowStep } from './flow.ts';
import { ifStep, mergeStep, noopStep, stopStep, switchStep, transformStep } from './logic.ts';
import type { StepType } from './step-type.ts';
import { manualTrigger, scheduleTrigger, webhookTrigger } from './triggers.ts';

/** Every step type the engine brings itself (connectors add theirs in the composition root). */
export function builtinStepTypes(deps: { sandbox: CodeSandbox }): StepType[] {
  return [
    manualTrigger,
    webhookTrigger,
    scheduleTrigger,
    transformStep,
    ifStep,
    switchStep,
    mergeStep,
    noopStep,
    stopStep,
    loopStep,
    delayStep,
    respondStep,
    subWorkflowStep,
    codeStep(deps.sandbox),
  ] as StepType[];
}
