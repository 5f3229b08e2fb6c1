export { EntityImagesCard } from './EntityImagesCard';
export { ImageCountsNote } from './ImageCountsNote';
export { imageFindingCounts, splitCounts, totalOf } from './imageCounts';
