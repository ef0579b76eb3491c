/** A small `memo` without preact/compat: re-renders the wrapped component only when a prop changes (shallowly). */
import { Component, h, type FunctionComponent } from 'preact';

export function pure<P extends object>(Inner: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const nextProps = next as Record<string, unknown>;
      const keys = new Set([...Object.keys(prev), ...Object.keys(nextProps)]);
      for (const k of keys) if (prev[k] !== nextProps[k]) return true;
      return false;
    }
    render() {
      return h(Inner, this.props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}
