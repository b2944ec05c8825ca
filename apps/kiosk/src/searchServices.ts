import { matchesSearch, sortedServices, type Field, type QueueState, type Service } from '@motcua/core';

/** Fields that offer at least one procedure, in the admin's order. */
export function kioskFields(state: QueueState): Field[] {
  const used = new Set(Object.values(state.config.services).map((s) => s.fieldId));
  return Object.values(state.config.fields)
    .filter((f) => used.has(f.id))
    .sort((a, b) => a.order - b.order || a.name.vi.localeCompare(b.name.vi, 'vi'));
}

export function servicesOfField(state: QueueState, fieldId: string): Service[] {
  return sortedServices(state).filter((s) => s.fieldId === fieldId);
}

/** Procedures whose name (either language), code or field matches every typed word, diacritics ignored. */
export function searchServices(state: QueueState, query: string): Service[] {
  if (query.trim() === '') return [];
  return sortedServices(state).filter((s) => {
    const field = state.config.fields[s.fieldId];
    const text = [s.name.vi, s.name.en, s.code, field?.name.vi ?? '', field?.name.en ?? ''].join(' ');
    return matchesSearch(text, query);
  });
}
