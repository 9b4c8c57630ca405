import { useRef } from 'react';
import type { ChartOption } from './echarts';
import { useECharts } from './use-echarts';

/** A chart box of a fixed height, full width. */
export function EChart({ option, height, label, 'data-testid': testId }: { option: ChartOption; height: number; label: string; 'data-testid'?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useECharts(ref, option);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />;
}
