import '@xyflow/react/dist/style.css';
import '../workflows/editor.css';
import { Background, Controls, ReactFlow, ReactFlowProvider, useNodesState } from '@xyflow/react';
import { useMemo } from 'react';
import type { StepStatus, StepTypeInfo, WorkflowDefinition } from '../api/workflowTypes.ts';
import { CanvasContext } from '../workflows/canvasContext.ts';
import { toFlow } from '../workflows/flowGraph.ts';
import { StepNode } from '../workflows/StepNode.tsx';

const NODE_TYPES = { step: StepNode };

interface RunCanvasProps {
  definition: WorkflowDefinition;
  statuses: ReadonlyMap<string, StepStatus>;
  stepTypes: StepTypeInfo[];
  onSelectNode: (nodeId: string) => void;
}

/** The run's pinned version, read-only, each step coloured by its status. */
export function RunCanvas({ definition, statuses, stepTypes, onSelectNode }: RunCanvasProps) {
  const flow = useMemo(() => toFlow(definition), [definition]);
  const [nodes, , onNodesChange] = useNodesState(flow.nodes);
  const info = useMemo(
    () => ({ stepTypes: new Map(stepTypes.map((t) => [t.type, t])), issues: new Map(), statuses }),
    [stepTypes, statuses],
  );
  return (
    <CanvasContext.Provider value={info}>
      <ReactFlowProvider>
        <section className="wf-canvas" style={{ height: 360, minHeight: 260 }} aria-label="Steps of this run" data-testid="run-canvas">
          <ReactFlow
            nodes={nodes}
            edges={flow.edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeClick={(_, node) => onSelectNode(node.id)}
            nodesDraggable={false}
            nodesConnectable={false}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
            minZoom={0.2}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={20} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </section>
      </ReactFlowProvider>
    </CanvasContext.Provider>
  );
}
