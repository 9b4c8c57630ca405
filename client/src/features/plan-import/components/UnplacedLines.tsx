import { Alert, Card, Typography } from 'antd';
import { usePlanImportText } from '../plan-import.messages';

/** Lines the reader could not attach to a task: always shown, so nothing in the document is silently dropped. */
export function UnplacedLines({ lines }: { lines: readonly string[] }) {
  const text = usePlanImportText();
  return (
    <Card
      size="small"
      data-testid="import-unplaced"
      title={text.counted(text.unplaced, lines.length)}
      style={lines.length ? { borderColor: '#faad14' } : undefined}
      styles={lines.length ? { header: { background: '#fffbe6' } } : undefined}
    >
      {lines.length === 0 ? (
        <Alert type="success" showIcon title={text.allPlaced} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {text.unplacedHint}
          </Typography.Paragraph>
          {/* No list numbers: the lines carry the document's own (1．, （三）). */}
          <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
            {lines.map((line, index) => (
              <li key={index} data-testid="import-unplaced-line" style={{ padding: '2px 8px', margin: '4px 0', borderLeft: '3px solid #faad14', whiteSpace: 'pre-wrap' }}>
                {line}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
