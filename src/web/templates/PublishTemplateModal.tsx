import { Button, Group, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';

/** Publishes a workflow's latest published version as a template (again: a new version of your template). */
export function PublishTemplateModal({
  workflow,
  opened,
  onClose,
}: {
  workflow: { id: string; name: string; description: string };
  opened: boolean;
  onClose: () => void;
}) {
  const [name, setName] = useState(workflow.name);
  const [summary, setSummary] = useState(workflow.description.slice(0, 300));
  const [documentation, setDocumentation] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useQuery({
    queryKey: ['idea-categories'],
    queryFn: () => get<{ id: string; name: string }[]>('/api/v1/idea-categories'),
    enabled: opened,
  });

  const publish = async () => {
    setErrors({});
    setBusy(true);
    try {
      const t = await post<{ id: string; version: number }>('/api/v1/templates', {
        workflowId: workflow.id,
        name,
        summary,
        documentation,
        categoryId,
        tags,
      });
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifySuccess(t.version > 1 ? `Template updated to version ${t.version}.` : 'Published as a template.');
      onClose();
      navigate(`/templates/${t.id}`);
    } catch (error) {
      showApiError(error, (path, message) => setErrors((e) => ({ ...e, [path]: message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Publish as template" size="lg">
      <Stack>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Textarea
          label="Summary"
          description="One or two sentences for the gallery"
          autosize
          minRows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
        />
        <Textarea
          label="Documentation"
          description="How it works and how to set it up. Markdown: # headings, - lists, **bold**, *italic*, `code`, [links](https://…)"
          autosize
          minRows={6}
          value={documentation}
          onChange={(e) => setDocumentation(e.currentTarget.value)}
          error={errors.documentation}
        />
        <Group grow>
          <Select
            label="Category"
            clearable
            data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId}
            onChange={setCategoryId}
            error={errors.categoryId}
          />
          <TagsInput label="Tags" value={tags} onChange={setTags} error={errors.tags} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={publish} loading={busy}>
            Publish template
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
