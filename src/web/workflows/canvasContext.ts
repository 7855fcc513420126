import { createContext, useContext } from 'react';
import type { StepStatus, StepTypeInfo, ValidationIssue } from '../api/workflowTypes.ts';

export interface CanvasInfo {
  stepTypes: ReadonlyMap<string, StepTypeInfo>;
  /** Validation problems by node id (the editor). */
  issues: ReadonlyMap<string, ValidationIssue[]>;
  /** Each node's step status (a run's graph), or null in the editor. */
  statuses: ReadonlyMap<string, StepStatus> | null;
}

/** What canvas nodes show besides their own data; kept out of node data so nodes keep their identity. */
export const CanvasContext = createContext<CanvasInfo>({ stepTypes: new Map(), issues: new Map(), statuses: null });

export const useCanvasInfo = () => useContext(CanvasContext);
