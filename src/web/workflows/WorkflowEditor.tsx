import '@xyflow/react/dist/style.css';
import './editor.css';
import { Badge, Button, Group, Paper, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconDownload, IconPlayerPlay, IconRocket } from '@tabler/icons-react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { type DragEvent, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { StepTypeInfo, ValidationIssue, WorkflowDetail } from '../api/workflowTypes.ts';
import { useCan } from '../auth/useCan.ts';
import { WorkflowFormLink } from '../forms/WorkflowFormLink.tsx';
import { CanvasContext } from './canvasContext.ts';
import { EdgePanel } from './EdgePanel.tsx';
import { groupIssues } from './groupIssues.ts';
import { IssuesList } from './IssuesList.tsx';
import { NodePanel } from './NodePanel.tsx';
import { PublishModal } from './PublishModal.tsx';
import { RunInputModal } from './RunInputModal.tsx';
import { StepNode } from './StepNode.tsx';
import { STEP_DRAG_TYPE, StepPalette } from './StepPalette.tsx';
import { useDefinitionCheck } from './useDefinitionCheck.ts';
import { useDraftActions } from './useDraftActions.ts';
import { useEditorGraph } from './useEditorGraph.ts';
import { WebhookUrl } from './WebhookUrl.tsx';
import { WorkflowSettingsPanel } from './WorkflowSettingsPanel.tsx';

const NODE_TYPES = { step: StepNode };

/** The visual editor of a workflow's draft (inside a ReactFlowProvider). */
export function WorkflowEditor({ workflow, stepTypes }: { workflow: WorkflowDetail; stepTypes: StepTypeInfo[] }) {
  const canBuild = useCan('workflows.build');
  const canPublish = useCan('workflows.publish');
  const navigate = useNavigate();
  const flow = useReactFlow();
  const graph = useEditorGraph(workflow.definition);
  const [meta, setMeta] = useState({ name: workflow.name, description: workflow.description, teamId: workflow.teamId });
  const draft = { ...meta, definition: graph.definition };
  const actions = useDraftActions(
    workflow.id,
    { name: workflow.name, description: workflow.description, teamId: workflow.teamId, definition: graph.definition },
    draft,
  );
  const check = useDefinitionCheck(graph.definition);
  const issues = check.data?.issues ?? [];
  const grouped = useMemo(() => groupIssues(issues), [issues]);
  const typesByKey = useMemo(() => new Map(stepTypes.map((t) => [t.type, t])), [stepTypes]);
  const canvasInfo = useMemo(() => ({ stepTypes: typesByKey, issues: grouped.byNode, statuses: null }), [typesByKey, grouped]);
  const [publishOpen, publishModal] = useDisclosure(false);
  const [runOpen, runModal] = useDisclosure(false);

  // Leaving the page with unsaved changes asks first (the browser's own dialog).
  useEffect(() => {
    if (!actions.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [actions.dirty]);

  // Connections with problems are drawn red.
  const edges = useMemo(
    () =>
      graph.edges.map((e, i) =>
        grouped.byEdge.has(i) ? { ...e, style: { ...e.style, stroke: 'var(--mantine-color-red-6)' }, label: `⚠ ${e.label ?? ''}` } : e,
      ),
    [graph.edges, grouped],
  );

  const addStep = (type: string, position?: { x: number; y: number }) => {
    graph.addStep(type, typesByKey.get(type)?.title ?? type, position);
    // A step added by click may land outside the view: bring the whole graph into view once it is drawn.
    if (!position) setTimeout(() => void flow.fitView({ maxZoom: 1.1, padding: 0.2, duration: 200 }), 60);
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(STEP_DRAG_TYPE);
    if (!type || !canBuild) return;
    e.preventDefault();
    addStep(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };
  const selectIssue = (issue: ValidationIssue) => {
    const edge = /^edges\.(\d+)/.exec(issue.path);
    const edgeId = edge ? graph.edges[Number(edge[1])]?.id : undefined;
    if (edgeId) graph.select('edge', edgeId);
    else if (issue.nodeId) graph.select('node', issue.nodeId);
  };
  const nodeName = (id: string) => graph.nodes.find((n) => n.id === id)?.data.step.name;
  const trigger = graph.definition.nodes.find((n) => n.type.startsWith('trigger.'));
  const selected = graph.selectedNode;
  const selectedEdge = graph.selectedEdge;

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs">
          {actions.dirty ? (
            <Badge color="yellow" variant="light">
              Unsaved changes
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Draft saved
            </Badge>
          )}
          {check.data && (
            <Badge color={check.data.ok ? 'teal' : 'red'} variant="light" data-testid="check-badge">
              {check.data.ok ? 'No problems' : `${issues.length} problem${issues.length === 1 ? '' : 's'}`}
            </Badge>
          )}
          {workflow.webhookUrl && <WebhookUrl url={workflow.webhookUrl} />}
          {canBuild && <WorkflowFormLink workflowId={workflow.id} publishedVersion={workflow.publishedVersion} />}
        </Group>
        <Group gap="xs">
          {canBuild && (
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={actions.save}
              loading={actions.saving}
              disabled={!actions.dirty}
            >
              Save draft
            </Button>
          )}
          {canBuild && (
            <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={runModal.open}>
              Run draft
            </Button>
          )}
          {canPublish && (
            <Button leftSection={<IconRocket size={16} />} onClick={publishModal.open}>
              Publish
            </Button>
          )}
          <Button
            component="a"
            href={`/api/v1/workflows/${workflow.id}/export`}
            download
            variant="subtle"
            leftSection={<IconDownload size={16} />}
          >
            Export
          </Button>
        </Group>
      </Group>
      <div className="wf-editor">
        {canBuild ? (
          <StepPalette stepTypes={stepTypes} onAdd={(type) => addStep(type)} />
        ) : (
          <Text size="sm" c="dimmed">
            You may look at this workflow; changing it needs the builder role.
          </Text>
        )}
        <CanvasContext.Provider value={canvasInfo}>
          <section
            className="wf-canvas"
            aria-label="Workflow canvas"
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop}
            data-testid="workflow-canvas"
          >
            <ReactFlow
              nodes={graph.nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodesChange={graph.onNodesChange}
              onEdgesChange={graph.onEdgesChange}
              onConnect={graph.onConnect}
              nodesDraggable={canBuild}
              nodesConnectable={canBuild}
              deleteKeyCode={canBuild ? ['Delete', 'Backspace'] : null}
              fitView
              fitViewOptions={{ maxZoom: 1.1, padding: 0.2 }}
              minZoom={0.2}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} />
              <Controls showInteractive={false} />
              <MiniMap
                pannable
                zoomable
                ariaLabel="Overview of the workflow"
                style={{ width: 140, height: 90 }}
                nodeColor="var(--mantine-color-teal-3)"
              />
            </ReactFlow>
          </section>
        </CanvasContext.Provider>
        <Paper withBorder p="sm" className="wf-panel" component="aside" aria-label="Step settings">
          <Select
            label="Edit step"
            placeholder="Choose a step"
            data={graph.nodes.map((n) => ({ value: n.id, label: `${n.data.step.name} (${n.id})` }))}
            value={selected?.id ?? null}
            onChange={(id) => graph.select(id ? 'node' : null, id)}
            clearable
            searchable
            mb="sm"
          />
          {selected ? (
            <NodePanel
              key={selected.id}
              step={selected.data.step}
              stepType={typesByKey.get(selected.data.step.type)}
              issues={grouped.byNode.get(selected.id) ?? []}
              others={graph.nodes.filter((n) => n.id !== selected.id).map((n) => ({ id: n.id, name: n.data.step.name }))}
              canBuild={canBuild}
              workflowId={workflow.id}
              lastRunId={workflow.lastRun?.id ?? null}
              onChange={graph.updateStep}
              onConnect={(to) => graph.connect(selected.id, to)}
              onDelete={() => graph.removeStep(selected.id)}
              beforeTest={actions.save}
            />
          ) : selectedEdge?.data ? (
            <EdgePanel
              key={selectedEdge.id}
              edge={selectedEdge.data.edge}
              fromName={nodeName(selectedEdge.source) ?? selectedEdge.source}
              toName={nodeName(selectedEdge.target) ?? selectedEdge.target}
              issues={grouped.byEdge.get(graph.selectedEdgeIndex) ?? []}
              canBuild={canBuild}
              onChange={(edge) => graph.updateEdge(selectedEdge.id, edge)}
              onDelete={() => graph.removeEdge(selectedEdge.id)}
            />
          ) : (
            <WorkflowSettingsPanel
              name={meta.name}
              description={meta.description}
              teamId={meta.teamId}
              settings={graph.settings}
              canBuild={canBuild}
              onChange={(patch) => {
                if (patch.settings) graph.setSettings(patch.settings);
                setMeta((m) => ({
                  name: patch.name ?? m.name,
                  description: patch.description ?? m.description,
                  teamId: patch.teamId === undefined ? m.teamId : patch.teamId,
                }));
              }}
            />
          )}
        </Paper>
      </div>
      <IssuesList issues={issues} nodeName={nodeName} onSelect={selectIssue} />
      <PublishModal opened={publishOpen} onClose={publishModal.close} onPublish={actions.publish} />
      <RunInputModal
        opened={runOpen}
        title="Run the draft"
        explanation="Saves the draft and runs it once, without publishing. The input is what the trigger hands on (for a webhook: { body, headers, query, method })."
        initialInput={(trigger?.config as { sampleInput?: unknown } | undefined)?.sampleInput ?? {}}
        submitLabel="Run draft"
        onClose={runModal.close}
        onSubmit={async (input) => {
          const runId = await actions.runDraft(input);
          if (runId) navigate(`/runs/${runId}`);
          return runId !== null;
        }}
      />
    </>
  );
}
