import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys jump a held card to the next drop zone left or right (or up and down between lanes),
 * instead of nudging it a few pixels: a keyboard user moves a card between columns in one press.
 */
export const dropZoneKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const horizontal = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const vertical = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
  if (!horizontal && !vertical) return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number; distance: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const rx = rect.left + rect.width / 2;
    const ry = rect.top + Math.min(rect.height / 2, 120);
    const dx = rx - cx;
    const dy = ry - cy;
    if (horizontal && (Math.sign(dx) !== horizontal || Math.abs(dx) < 10)) continue;
    if (vertical && (Math.sign(dy) !== vertical || Math.abs(dy) < 10)) continue;
    // Prefer zones in the same row (or column), then the nearest.
    const distance = horizontal ? Math.abs(dx) + Math.abs(dy) * 4 : Math.abs(dy) + Math.abs(dx) * 4;
    if (!best || distance < best.distance) best = { x: rect.left + 8, y: rect.top + 8, distance };
  }
  return best ? { x: best.x, y: best.y } : undefined;
};
