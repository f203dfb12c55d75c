/**
 * Zoom and pan for the report's diagrams, in plain DOM script (no library; the box's styles
 * are ZOOM_CSS in styles.ts): each
 * `.sf-zoom` box fits its SVG to the page width; the wheel zooms about the pointer, dragging
 * pans, the buttons zoom in, out and back to the whole picture. Only the SVG's viewBox
 * changes, so text stays sharp at every scale.
 */
export const ZOOM_SCRIPT = `(function(){
Array.prototype.forEach.call(document.querySelectorAll('.sf-zoom'),function(box){
 var svg=box.querySelector('svg');if(!svg)return;
 var full=svg.getAttribute('viewBox').split(' ').map(Number),vb=full.slice();
 function set(){svg.setAttribute('viewBox',vb.join(' '));}
 function zoom(k,cx,cy){var nw=Math.min(full[2]*1.5,Math.max(full[2]/20,vb[2]*k)),nh=nw*vb[3]/vb[2];vb=[cx-(cx-vb[0])*nw/vb[2],cy-(cy-vb[1])*nh/vb[3],nw,nh];set();}
 function at(e){var r=svg.getBoundingClientRect();return[vb[0]+(e.clientX-r.left)/r.width*vb[2],vb[1]+(e.clientY-r.top)/r.height*vb[3]];}
 svg.addEventListener('wheel',function(e){e.preventDefault();var p=at(e);zoom(e.deltaY>0?1.2:1/1.2,p[0],p[1]);},{passive:false});
 var drag=null;
 svg.addEventListener('pointerdown',function(e){drag={x:e.clientX,y:e.clientY,vb:vb.slice()};svg.setPointerCapture(e.pointerId);box.style.cursor='grabbing';});
 svg.addEventListener('pointermove',function(e){if(!drag)return;var r=svg.getBoundingClientRect();vb[0]=drag.vb[0]-(e.clientX-drag.x)/r.width*vb[2];vb[1]=drag.vb[1]-(e.clientY-drag.y)/r.height*vb[3];set();});
 svg.addEventListener('pointerup',function(){drag=null;box.style.cursor='';});
 var bar=document.createElement('div');bar.className='sf-zoom-bar';
 [['+',function(){zoom(1/1.5,vb[0]+vb[2]/2,vb[1]+vb[3]/2);}],['\\u2212',function(){zoom(1.5,vb[0]+vb[2]/2,vb[1]+vb[3]/2);}],['whole diagram',function(){vb=full.slice();set();}]].forEach(function(b){var el=document.createElement('button');el.type='button';el.textContent=b[0];el.addEventListener('click',b[1]);bar.appendChild(el);});
 box.appendChild(bar);
});
})();`;
