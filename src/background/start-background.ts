export function startBackground(): void {
  console.log('[canh-giac] background started');
}
