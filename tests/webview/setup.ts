// happy-dom defines `nodeName` on each node subclass and leaves Node.prototype's getter returning
// "". DOMPurify reads nodeName through Node.prototype's getter (to resist DOM clobbering), so
// under happy-dom every element looked nameless and was dropped. Make Node.prototype's getter
// defer to the node's own class, as real browsers behave. Test environment only.
const base = Object.getOwnPropertyDescriptor(Node.prototype, "nodeName")?.get;

Object.defineProperty(Node.prototype, "nodeName", {
  configurable: true,
  get(this: Node): string {
    for (
      let proto = Object.getPrototypeOf(this);
      proto && proto !== Node.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      const getter = Object.getOwnPropertyDescriptor(proto, "nodeName")?.get;
      if (getter) return getter.call(this) as string;
    }
    return base ? (base.call(this) as string) : "";
  },
});
