export { createEdition, addToEdition, removeFromEdition, orderEdition, publishEdition, listNewsroomEditions, getEditionForBuilding, EditionInput } from './editions.ts';
export { listPublishedEditions, listPublishedVolumes, getPublishedEdition } from './public.ts';
