import { render } from '@testing-library/react';
import type { ChartOption } from './echarts';
import { EChart } from './EChart';

const mockChart = { setOption: jest.fn(), resize: jest.fn(), dispose: jest.fn() };
const mockInit = jest.fn((_element: HTMLElement) => mockChart);
jest.mock('./echarts', () => ({ init: (element: HTMLElement) => mockInit(element) }));

describe('useECharts', () => {
  beforeEach(() => jest.clearAllMocks());

  it('creates the chart in the element, replaces the option when it changes, and disposes of it', () => {
    const first: ChartOption = { series: [{ type: 'bar', data: [1] }] };
    const second: ChartOption = { series: [{ type: 'bar', data: [2] }] };
    const view = render(<EChart option={first} height={200} label="图" data-testid="c" />);
    expect(mockInit).toHaveBeenCalledWith(view.getByTestId('c'));
    expect(mockChart.setOption).toHaveBeenLastCalledWith(first, { notMerge: true });
    view.rerender(<EChart option={second} height={200} label="图" data-testid="c" />);
    expect(mockChart.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });
    expect(mockInit).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(mockChart.dispose).toHaveBeenCalledTimes(1);
  });
});
