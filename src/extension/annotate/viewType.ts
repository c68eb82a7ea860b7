// The annotation panel's webview type (the serializer's key, and how its tabs are recognised).
export const ANNOTATE_VIEW_TYPE = 'langlens.annotate';
