import { useEffect, useRef, type RefObject } from 'react';
import { init, type ChartOption, type EChartsType } from './echarts';

/**
 * Draws `option` into the element: creates the chart on mount, replaces its option when it
 * changes (pass a memoised option), follows the element's size, and disposes of it on unmount.
 */
export function useECharts(ref: RefObject<HTMLElement | null>, option: ChartOption): void {
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [ref]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
}
