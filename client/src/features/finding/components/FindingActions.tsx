import { useApolloClient, useMutation } from '@apollo/client/react';
import { findingEventRequiresComment, type FindingEventType } from '@workplan/shared';
import { App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { useApiErrorMessage } from '../../task-work/use-api-error';
import { useFindingText } from '../finding.messages';
import { TRANSITION_FINDING, type Finding } from '../graphql/finding.graphql';
import { FindingCommentModal } from './FindingCommentModal';

/** Codes after which the finding on screen is stale: reload it so the buttons match the server again. */
const STALE = new Set(['VERSION_CONFLICT', 'TRANSITION_NOT_ALLOWED', 'FORBIDDEN']);

/** The steps the server offers this user for one finding; the ones that need words ask for them first. */
export function FindingActions({ finding }: { finding: Pick<Finding, 'id' | 'version' | 'availableEvents'> }) {
  const text = useFindingText();
  const { message } = AntApp.useApp();
  const showError = useApiErrorMessage();
  const client = useApolloClient();
  const [asking, setAsking] = useState<FindingEventType | null>(null);
  // The answer is the whole finding, so the cache updates it in place; TaskDetail holds the open-finding counts.
  const [transition, { loading }] = useMutation(TRANSITION_FINDING, { refetchQueries: ['TaskDetail'] });

  const send = async (event: FindingEventType, comment: string | null) => {
    try {
      await transition({ variables: { input: { findingId: finding.id, event, expectedVersion: finding.version, comment } } });
      setAsking(null);
      void message.success(text.done(text.event[event]));
    } catch (error) {
      if (STALE.has(showError(error).code)) void client.refetchQueries({ include: ['TaskFindings'] });
    }
  };

  if (finding.availableEvents.length === 0) return null;
  return (
    <>
      <Space wrap>
        {finding.availableEvents.map((event) => (
          <Button
            key={event}
            size="small"
            type={event === 'REOPEN' ? 'default' : 'primary'}
            danger={event === 'REOPEN'}
            disabled={loading}
            data-testid={`finding-action-${event}`}
            onClick={() => (findingEventRequiresComment(event) ? setAsking(event) : void send(event, null))}
          >
            {text.event[event]}
          </Button>
        ))}
      </Space>
      <FindingCommentModal event={asking} sending={loading} onSubmit={(comment) => {
          if (asking) void send(asking, comment);
        }} onCancel={() => setAsking(null)} />
    </>
  );
}
